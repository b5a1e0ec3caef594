// mlplane JShell startup script: the SDK's packages imported, a mock provider in `ml`,
// and a helper that builds a valid training spec. Open it with samples/jshell/mlplane-jshell.
import io.mlplane.core.*;
import io.mlplane.core.mock.*;
import io.mlplane.training.*;
import java.time.Duration;

MockProvider ml = MlProviders.mock();

TrainingJobSpec.Builder demoSpec(String name) {
    return TrainingJobSpec.builder()
            .name(name)
            .image("683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1")
            .instanceType("ml.m5.xlarge")
            .channel(Channel.builder().name("train").uri("s3://acme-ml/demo/train/").build())
            .outputUri("s3://acme-ml/demo/models/")
            .maxRuntime(Duration.ofHours(2));
}

System.out.println("mlplane ready: `ml` is a mock provider (backend " + ml.backend() + ").");
System.out.println("Try: ml.submit(demoSpec(\"my-job\").build()).awaitCompletion(Duration.ofHours(3))");
