package io.mlplane.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;

/** The module rules of DESIGN.md and STYLE-ANCHORS.md, as ArchUnit rules. */
final class ArchitectureRules {

    /** Each module's root package; a module's internal packages live below its root. */
    static final List<String> MODULE_ROOTS = List.of("io.mlplane.core", "io.mlplane.training", "io.mlplane.inference",
            "io.mlplane.monitoring");

    /** The public API and SPI packages of the features and core, where backend types must not appear. */
    static final String[] API_PACKAGES = {"io.mlplane.core", "io.mlplane.core.spi", "io.mlplane.training",
        "io.mlplane.training.spi", "io.mlplane.inference", "io.mlplane.inference.spi", "io.mlplane.monitoring",
        "io.mlplane.monitoring.spi"};

    private ArchitectureRules() {
    }

    static ArchRule publicApiExposesNoBackendTypes() {
        return noClasses().that().resideInAnyPackage(API_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..", "io.fabric8..")
                .because("the public API is backend-neutral; AWS SDK and fabric8 types stay in backend packages");
    }

    static ArchRule internalsAreUsedOnlyInsideTheirModule() {
        List<ArchRule> rules = MODULE_ROOTS.stream().<ArchRule>map(root -> noClasses()
                .that().resideOutsideOfPackage(root + "..")
                .should().dependOnClassesThat().resideInAPackage(root + "..internal..")
                .because("internal packages of " + root + " are not API: use its public or spi packages")
                .allowEmptyShould(true))
                .toList();
        CompositeArchRule all = CompositeArchRule.of(rules.get(0));
        for (ArchRule rule : rules.subList(1, rules.size())) {
            all = all.and(rule);
        }
        return all;
    }

    static ArchRule coreKnowsNoFeature() {
        return noClasses().that().resideInAPackage("io.mlplane.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.mlplane.training..", "io.mlplane.inference..",
                        "io.mlplane.monitoring..", "io.mlplane.samples..")
                .because("sdk-core knows no feature; features plug in through its SPI");
    }

    static ArchRule featuresDependOnlyDownward() {
        return CompositeArchRule.of(noClasses().that().resideInAPackage("io.mlplane.training..")
                        .should().dependOnClassesThat().resideInAnyPackage("io.mlplane.inference..",
                                "io.mlplane.monitoring..", "io.mlplane.samples.."))
                .and(noClasses().that().resideInAPackage("io.mlplane.inference..")
                        .should().dependOnClassesThat().resideInAnyPackage("io.mlplane.training..",
                                "io.mlplane.monitoring..", "io.mlplane.samples.."))
                .and(noClasses().that().resideInAPackage("io.mlplane.monitoring..")
                        .should().dependOnClassesThat().resideInAnyPackage("io.mlplane.training..", "io.mlplane.samples.."))
                .because("dependencies go samples -> monitoring -> inference -> core and samples -> training -> core");
    }

    static ArchRule noInternalTypesInPublicSignatures() {
        return CompositeArchRule.of(methods().that().arePublic().and().areDeclaredInClassesThat().arePublic()
                        .and().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
                        .should().haveRawReturnType(not(resideInAPackage("..internal.."))))
                .and(methods().that().arePublic().and().areDeclaredInClassesThat().arePublic()
                        .and().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
                        .should().notHaveRawParameterTypes(com.tngtech.archunit.base.DescribedPredicate.describe(
                                "an internal type", params -> params.stream().anyMatch(p -> p.getPackageName().contains(".internal"))))
                        .because("internal types never appear in public signatures"));
    }

    static ArchRule libraryCodeDoesNotPrint() {
        return noClasses().that().resideOutsideOfPackage("io.mlplane.samples..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("the SDK logs through SLF4J; only samples print");
    }
}
