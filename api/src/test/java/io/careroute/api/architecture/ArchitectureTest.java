package io.careroute.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the module boundaries of the architecture table true. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.careroute");
    }

    @Test
    void theSolverKnowsNothingOfSpringGraphHopperOrJson() {
        noClasses().that().resideInAPackage("io.careroute.solver..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.graphhopper..",
                        "com.fasterxml..", "io.careroute.routing..", "io.careroute.data..", "io.careroute.api..")
                .check(classes);
    }

    @Test
    void theDomainIsPlainJava() {
        noClasses().that().resideInAPackage("io.careroute.solver.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax.persistence..", "com.fasterxml..")
                .check(classes);
    }

    @Test
    void routingKnowsNothingOfOptaPlannerOrSpring() {
        noClasses().that().resideInAPackage("io.careroute.routing..")
                .should().dependOnClassesThat().resideInAnyPackage("org.optaplanner..", "org.springframework..",
                        "io.careroute.solver..", "io.careroute.data..", "io.careroute.api..")
                .check(classes);
    }

    @Test
    void dataDependsOnlyOnTheSolver() {
        noClasses().that().resideInAPackage("io.careroute.data..")
                .should().dependOnClassesThat().resideInAnyPackage("com.graphhopper..", "org.springframework..",
                        "io.careroute.routing..", "io.careroute.api..")
                .check(classes);
    }

    @Test
    void theStoreKnowsNothingOfTheWebLayer() {
        noClasses().that().resideInAPackage("io.careroute.api.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.careroute.api.rest..", "io.careroute.api.cli..",
                        "org.springframework.web..", "org.optaplanner..")
                .check(classes);
    }

    @Test
    void theArchitectureRulesActuallySeeTheModules() {
        // Guards against a rule passing because nothing was imported.
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("io.careroute.solver.domain")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("io.careroute.routing.network")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("io.careroute.data.problem")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("io.careroute.api.rest")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("io.careroute.api.store")).isTrue();
    }
}
