package io.careroute.benchmarks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module table of the README true. It lives in the benchmarks module because that module sees every
 * other one (the api's jar included), so one import holds all of careroute's main code.
 */
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
                        "com.fasterxml..", "io.careroute.routing..", "io.careroute.data..",
                        "io.careroute.planning..", "io.careroute.api..")
                .check(classes);
    }

    @Test
    void theDomainIsPlainJava() {
        noClasses().that().resideInAPackage("io.careroute.solver.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax.persistence..", "com.fasterxml..")
                .check(classes);
    }

    @Test
    void routingKnowsNothingOfOptaPlannerSpringOrMicrometer() {
        noClasses().that().resideInAPackage("io.careroute.routing..")
                .should().dependOnClassesThat().resideInAnyPackage("org.optaplanner..", "org.springframework..",
                        "io.micrometer..", "io.careroute.solver..", "io.careroute.data..", "io.careroute.planning..",
                        "io.careroute.api..")
                .check(classes);
    }

    @Test
    void dataDependsOnlyOnTheSolver() {
        noClasses().that().resideInAPackage("io.careroute.data..")
                .should().dependOnClassesThat().resideInAnyPackage("com.graphhopper..", "org.springframework..",
                        "io.careroute.routing..", "io.careroute.planning..", "io.careroute.api..")
                .check(classes);
    }

    @Test
    void thePlanningLayerIsSpringFree() {
        noClasses().that().resideInAPackage("io.careroute.planning..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                        "io.careroute.api..", "io.careroute.benchmarks..")
                .check(classes);
    }

    @Test
    void onlyTheLoadBenchmarkUsesTheServer() {
        // ... and the records benchmark its store (a month of records in PostgreSQL, read by the store's own code).
        noClasses().that().resideInAPackage("io.careroute.benchmarks..")
                .and().resideOutsideOfPackages("io.careroute.benchmarks.load..", "io.careroute.benchmarks.records..")
                .should().dependOnClassesThat().resideInAnyPackage("io.careroute.api..", "org.springframework..")
                .check(classes);
    }

    @Test
    void onlyThePeerRunnersUseThePeerSolvers() {
        // jsprit and OR-Tools' routing are benchmark peers (issue 18): measured beside careroute, never part of it.
        noClasses().that().resideOutsideOfPackage("io.careroute.benchmarks.peers..")
                .should().dependOnClassesThat().resideInAnyPackage("com.graphhopper.jsprit..",
                        "com.google.ortools.constraintsolver..", "com.google.ortools.sat..")
                .check(classes);
        // OR-Tools is the peers' alone. The recombination's set partitioner calls the HiGHS library of OR-Tools' native
        // jar through its C API, with JNA, and nothing else uses JNA: docs/design.md, "The recombination's MIP solver".
        noClasses().that().resideOutsideOfPackage("io.careroute.benchmarks.peers..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.ortools..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("io.careroute.benchmarks.mip..")
                .should().dependOnClassesThat().resideInAnyPackage("com.sun.jna..")
                .check(classes);
        noClasses().that().resideInAPackage("io.careroute.benchmarks.mip..")
                .should().dependOnClassesThat().resideInAnyPackage("io.careroute.benchmarks.peers..")
                .check(classes);
    }

    @Test
    void theStoreKnowsNothingOfTheWebLayer() {
        noClasses().that().resideInAPackage("io.careroute.api.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.careroute.api.web..", "io.careroute.api.jobs..",
                        "io.careroute.api.cli..", "org.springframework.web..", "org.optaplanner..")
                .check(classes);
    }

    @Test
    void theJobEngineKnowsNothingOfTheWebLayer() {
        noClasses().that().resideInAPackage("io.careroute.api.jobs..")
                .should().dependOnClassesThat().resideInAnyPackage("io.careroute.api.web..", "io.careroute.api.cli..",
                        "org.springframework.web..")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        // Every package is a slice of its own: a cycle between any two packages of any module fails.
        slices().matching("io.careroute.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theArchitectureRulesActuallySeeTheModules() {
        // Guards against a rule passing because nothing was imported.
        for (String pkg : new String[] {"io.careroute.solver.domain", "io.careroute.routing.network",
                "io.careroute.data.problem", "io.careroute.planning.assemble", "io.careroute.planning.solve",
                "io.careroute.api.web", "io.careroute.api.jobs", "io.careroute.api.config", "io.careroute.api.store",
                "io.careroute.benchmarks.load", "io.careroute.benchmarks.suite",
                "io.careroute.benchmarks.peers"}) {
            assertThat(classes.containPackage(pkg)).as(pkg).isTrue();
        }
    }
}
