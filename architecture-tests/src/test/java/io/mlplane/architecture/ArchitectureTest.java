package io.mlplane.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.mlplane.training.badfixture.LeakyApi;
import io.mlplane.training.badfixture.PrintingHelper;
import io.mlplane.training.badfixture.UsesCoreInternals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules hold for every production class of every module, and each rule does catch a violation. */
class ArchitectureTest {

    private static JavaClasses production;
    private static JavaClasses badFixtures;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.mlplane");
        badFixtures = new ClassFileImporter().importClasses(LeakyApi.class, UsesCoreInternals.class, PrintingHelper.class);
    }

    @Test
    void allModulesAreImported() {
        assertThat(production.containPackage("io.mlplane.core")).isTrue();
        assertThat(production.containPackage("io.mlplane.core.internal")).isTrue();
        assertThat(production.containPackage("io.mlplane.training.mock")).isTrue();
        assertThat(production.containPackage("io.mlplane.samples")).isTrue();
        assertThat(production.containPackage("io.mlplane.training.badfixture")).isFalse();
    }

    @Test
    void publicApiExposesNoBackendTypes() {
        ArchitectureRules.publicApiExposesNoBackendTypes().check(production);
        assertThatThrownBy(() -> ArchitectureRules.publicApiExposesNoBackendTypes().check(leakyApiOnly()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("software.amazon.awssdk");
    }

    @Test
    void internalsAreUsedOnlyInsideTheirModule() {
        ArchitectureRules.internalsAreUsedOnlyInsideTheirModule().check(production);
        assertThatThrownBy(() -> ArchitectureRules.internalsAreUsedOnlyInsideTheirModule().check(badFixtures))
                .isInstanceOf(AssertionError.class).hasMessageContaining("io.mlplane.core.internal");
    }

    @Test
    void coreKnowsNoFeature() {
        ArchitectureRules.coreKnowsNoFeature().check(production);
    }

    @Test
    void featuresDependOnlyDownward() {
        ArchitectureRules.featuresDependOnlyDownward().check(production);
    }

    @Test
    void noInternalTypesInPublicSignatures() {
        ArchitectureRules.noInternalTypesInPublicSignatures().check(production);
        assertThatThrownBy(() -> ArchitectureRules.noInternalTypesInPublicSignatures().check(badFixtures))
                .isInstanceOf(AssertionError.class).hasMessageContaining("LeakyApi");
    }

    @Test
    void libraryCodeDoesNotPrint() {
        ArchitectureRules.libraryCodeDoesNotPrint().check(production);
        assertThatThrownBy(() -> ArchitectureRules.libraryCodeDoesNotPrint().check(badFixtures))
                .isInstanceOf(AssertionError.class).hasMessageContaining("PrintingHelper");
    }

    private static JavaClasses leakyApiOnly() {
        return new ClassFileImporter().importClasses(LeakyApi.class);
    }
}
