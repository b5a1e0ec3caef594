package io.mlplane.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The validator catches what the service model forbids, so tests relying on it can fail. */
class AwsModelValidatorTest {

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void aMinimalValidCreateTrainingJobPasses() throws Exception {
        assertThat(AwsModelValidator.sageMaker().validateInput("CreateTrainingJob", json("""
                {"TrainingJobName":"ok-1","RoleArn":"arn:aws:iam::123456789012:role/ml",
                 "OutputDataConfig":{"S3OutputPath":"s3://b/o"},
                 "AlgorithmSpecification":{"TrainingImage":"img","TrainingInputMode":"Pipe"},
                 "ResourceConfig":{"InstanceType":"ml.m5.xlarge","InstanceCount":1,"VolumeSizeInGB":30},
                 "StoppingCondition":{"MaxRuntimeInSeconds":3600},"Tags":[{"Key":"team","Value":"ml"}]}
                """))).isEmpty();
    }

    @Test
    void everyKindOfViolationIsReportedWithItsPath() throws Exception {
        assertThat(AwsModelValidator.sageMaker().validateInput("CreateTrainingJob", json("""
                {"TrainingJobName":"bad_name","RoleArn":"role",
                 "AlgorithmSpecification":{"TrainingInputMode":"Stream"},
                 "ResourceConfig":{"InstanceType":"m5.xlarge","InstanceCount":"one"},
                 "StoppingCondition":{"MaxRuntimeInSeconds":0},
                 "HyperParameters":{"k":"%s"},
                 "Colour":"blue"}
                """.formatted("v".repeat(2501))))).containsExactlyInAnyOrder(
                "$.TrainingJobName: 'bad_name' does not match [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}",
                "$.RoleArn: size 4 is below the minimum 20",
                "$.RoleArn: 'role' does not match arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+",
                "$.AlgorithmSpecification.TrainingInputMode: 'Stream' is not a value of enum TrainingInputMode",
                "$.ResourceConfig.InstanceType: 'm5.xlarge' is not a value of enum TrainingInstanceType",
                "$.ResourceConfig.InstanceCount: expected an integer (TrainingInstanceCount) but got \"one\"",
                "$.StoppingCondition.MaxRuntimeInSeconds: 0.0 is below the minimum 1.0",
                "$.HyperParameters['k']: size 2501 is above the maximum 2500",
                "$.Colour: not a member of the shape",
                "$.OutputDataConfig: required member missing");
    }
}
