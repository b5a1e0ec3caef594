# A SageMaker script-mode training program of the usual shape, unchanged: hyperparameters as arguments,
# directories from the SM_* environment, CSV files in the train channel, a model file out.
import argparse
import csv
import glob
import json
import os

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--learning-rate", type=float, default=0.1)
    parser.add_argument("--model-dir", type=str, default=os.environ["SM_MODEL_DIR"])
    parser.add_argument("--output-data-dir", type=str, default=os.environ["SM_OUTPUT_DATA_DIR"])
    parser.add_argument("--train", type=str, default=os.environ["SM_CHANNEL_TRAIN"])
    args, _ = parser.parse_known_args()

    rows = []
    for path in sorted(glob.glob(os.path.join(args.train, "*.csv"))):
        with open(path) as f:
            rows.extend([float(x) for x in row] for row in csv.reader(f))

    # Fit y = w * x by gradient descent on mean squared error.
    w = 0.0
    for epoch in range(args.epochs):
        grad = sum(2 * (w * x - y) * x for x, y in rows) / len(rows)
        w -= args.learning_rate * grad
        loss = sum((w * x - y) ** 2 for x, y in rows) / len(rows)
        print("epoch=%d train_loss=%.6f" % (epoch, loss), flush=True)

    with open(os.path.join(args.model_dir, "model.json"), "w") as f:
        json.dump({"w": w, "rows": len(rows), "hosts": json.loads(os.environ["SM_HOSTS"])}, f)
    with open(os.path.join(args.output_data_dir, "summary.txt"), "w") as f:
        f.write("trained on %d rows\n" % len(rows))
