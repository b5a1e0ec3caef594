package io.mlplane.training.kubernetes;

import io.mlplane.training.Channel;
import io.mlplane.training.DataDistribution;
import io.mlplane.training.Spot;
import io.mlplane.training.TrainingJobSpec;
import java.util.List;
import java.util.Map;

/**
 * The two shell scripts of the Kubernetes container contract: {@code stage.sh} (init container: config files,
 * channels, checkpoint restore) and {@code deliver.sh} (native sidecar: checkpoint sync, model delivery on
 * SIGTERM). POSIX {@code sh}; {@code $POD_NAME} comes from the downward API.
 */
final class StagingScripts {

    static final String OPT_ML = "/opt/ml";
    static final String PVC_ROOT = "/mlplane/pvc";
    /** Where the ConfigMap with the contract files is mounted. */
    static final String CONFIG_MAP_DIR = "/mlplane/config";
    private static final String INLINE_DIR = "/tmp/mlplane-config";

    private StagingScripts() {
    }

    /** Where a {@code pvc://claim/path} URI appears inside the staging containers. */
    static String pvcPath(String uri) {
        String rest = uri.substring("pvc://".length());
        int slash = rest.indexOf('/');
        String claim = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        return PVC_ROOT + "/" + claim + (path.isEmpty() ? "" : "/" + path.replaceAll("/+$", ""));
    }

    /** The claim name of a {@code pvc://claim/path} URI. */
    static String claim(String uri) {
        String rest = uri.substring("pvc://".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    static String stage(TrainingJobSpec spec, List<String> hosts) {
        return stage(spec, hosts, CONFIG_MAP_DIR, Map.of());
    }

    /**
     * The staging script carrying the contract files itself (as here-documents), for trial templates: a Katib
     * trial is one object, so it cannot bring a ConfigMap of its own.
     */
    static String stageInline(TrainingJobSpec spec, List<String> hosts, Map<String, String> files) {
        return stage(spec, hosts, INLINE_DIR, files);
    }

    private static String stage(TrainingJobSpec spec, List<String> hosts, String configDir, Map<String, String> files) {
        StringBuilder sh = new StringBuilder();
        sh.append("#!/bin/sh\n# mlplane: stage the SageMaker container contract for training job ").append(spec.name()).append('\n');
        sh.append("set -eu\n");
        if (!files.isEmpty()) {
            sh.append("mkdir -p ").append(configDir).append('\n');
            files.forEach((file, content) -> sh.append("cat > ").append(configDir).append('/').append(file)
                    .append(" <<'MLPLANE_EOF'\n").append(content).append("\nMLPLANE_EOF\n"));
        }
        sh.append(hostIndex(hosts));
        sh.append("mkdir -p ").append(OPT_ML).append("/input/config ").append(OPT_ML).append("/input/data ")
                .append(OPT_ML).append("/model ").append(OPT_ML).append("/output/data\n");
        sh.append("cp ").append(configDir).append("/hyperparameters.json ").append(configDir).append("/inputdataconfig.json ")
                .append(OPT_ML).append("/input/config/\n");
        sh.append("sed \"s/@CURRENT_HOST@/$POD_NAME/\" ").append(configDir).append("/resourceconfig.json.template > ")
                .append(OPT_ML).append("/input/config/resourceconfig.json\n");
        for (Channel channel : spec.channels()) {
            String target = OPT_ML + "/input/data/" + channel.name();
            sh.append("mkdir -p '").append(target).append("'\n");
            boolean sharded = channel.distribution() == DataDistribution.SHARDED_BY_S3_KEY && hosts.size() > 1;
            if (channel.uri().startsWith("s3://")) {
                String prefix = channel.uri();
                if (sharded) {
                    String bucket = prefix.substring(5, prefix.indexOf('/', 5) < 0 ? prefix.length() : prefix.indexOf('/', 5));
                    sh.append("aws s3 ls --recursive '").append(prefix).append("' | awk '{print $4}' | sort")
                            .append(" | awk -v n=").append(hosts.size()).append(" -v i=\"$HOST_INDEX\" '(NR - 1) % n == i'")
                            .append(" | while read -r key; do aws s3 cp \"s3://").append(bucket).append("/$key\" '")
                            .append(target).append("/'\"$(basename \"$key\")\"; done\n");
                } else {
                    sh.append("aws s3 cp --recursive --only-show-errors '").append(prefix).append("' '").append(target).append("/'\n");
                }
            } else {
                String source = pvcPath(channel.uri());
                if (sharded) {
                    sh.append("ls '").append(source).append("' | sort | awk -v n=").append(hosts.size())
                            .append(" -v i=\"$HOST_INDEX\" '(NR - 1) % n == i' | while read -r f; do cp -R '")
                            .append(source).append("/'\"$f\" '").append(target).append("/'; done\n");
                } else {
                    sh.append("cp -R '").append(source).append("/.' '").append(target).append("/'\n");
                }
            }
        }
        Spot spot = spec.spot();
        if (spot != null && spot.checkpointUri().startsWith("s3://")) {
            sh.append("mkdir -p '").append(spot.checkpointLocalPath()).append("'\n");
            sh.append("aws s3 sync --only-show-errors '").append(spot.checkpointUri()).append("' '")
                    .append(spot.checkpointLocalPath()).append("/' || true\n");
        }
        return sh.toString();
    }

    static String deliver(TrainingJobSpec spec, List<String> hosts) {
        String artifact = artifactUri(spec);
        StringBuilder sh = new StringBuilder();
        sh.append("#!/bin/sh\n# mlplane: deliver the model and keep checkpoints for training job ").append(spec.name()).append('\n');
        sh.append(hostIndex(hosts));
        sh.append("sync_checkpoints() {\n");
        Spot spot = spec.spot();
        if (spot != null && spot.checkpointUri().startsWith("s3://")) {
            sh.append("  aws s3 sync --only-show-errors '").append(spot.checkpointLocalPath()).append("/' '")
                    .append(spot.checkpointUri()).append("' || true\n");
        } else {
            sh.append("  :\n");
        }
        sh.append("}\n");
        sh.append("deliver() {\n");
        sh.append("  if [ \"$HOST_INDEX\" = 0 ] && [ -n \"$(ls -A ").append(OPT_ML).append("/model 2>/dev/null)\" ]; then\n");
        sh.append("    tar -czf /tmp/model.tar.gz -C ").append(OPT_ML).append("/model .\n");
        if (artifact.startsWith("s3://")) {
            sh.append("    aws s3 cp --only-show-errors /tmp/model.tar.gz '").append(artifact).append("'\n");
        } else {
            String local = pvcPath(artifact);
            sh.append("    mkdir -p \"$(dirname '").append(local).append("')\" && cp /tmp/model.tar.gz '").append(local).append("'\n");
        }
        sh.append("  fi\n  sync_checkpoints\n}\n");
        sh.append("trap 'deliver; exit 0' TERM\n");
        sh.append("while true; do sleep 30 & wait $!; sync_checkpoints; done\n");
        return sh.toString();
    }

    /** Where the model artifact is delivered: {@code <outputUri>/<job>/output/model.tar.gz}. */
    static String artifactUri(TrainingJobSpec spec) {
        return spec.outputUri().replaceAll("/+$", "") + "/" + spec.name() + "/output/model.tar.gz";
    }

    /** Sets {@code HOST_INDEX} (0 for the first host) from the pod's name. */
    private static String hostIndex(List<String> hosts) {
        StringBuilder sh = new StringBuilder("HOST_INDEX=0\ncase \"$POD_NAME\" in\n");
        for (int i = 0; i < hosts.size(); i++) {
            sh.append("  '").append(hosts.get(i)).append("') HOST_INDEX=").append(i).append(" ;;\n");
        }
        return sh.append("esac\n").toString();
    }
}
