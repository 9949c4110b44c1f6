package dev.boomer.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module and naming rules of DESIGN.md and STYLE.md, checked on the compiled production classes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {

    private static final String[] FRAMEWORKS = {
            "io.micronaut..", "jakarta..", "javax.inject..", "org.jobrunr..", "java.sql..", "javax.sql..",
            "java.net.http..", "com.fasterxml..", "io.netty..", "org.slf4j.."};

    private JavaClasses boomer;

    @BeforeAll
    void importClasses() {
        // Modules arrive as folders (mvn test) or jars (mvn verify); test code and test-jars are left out.
        boomer = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.boomer");
    }

    @Test
    void domainUsesNoFrameworkAndNoOuterLayer() {
        noClasses().that().resideInAPackage("dev.boomer.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .orShould().dependOnClassesThat().resideInAnyPackage("dev.boomer.application..",
                        "dev.boomer.adapter..", "dev.boomer.api..", "dev.boomer.console..", "dev.boomer.jobs..")
                .check(boomer);
    }

    @Test
    void applicationUsesNoFrameworkAndNoAdapter() {
        noClasses().that().resideInAPackage("dev.boomer.application..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .orShould().dependOnClassesThat().resideInAnyPackage("dev.boomer.adapter..", "dev.boomer.api..",
                        "dev.boomer.console..", "dev.boomer.jobs..", "dev.boomer.inbox..")
                .check(boomer);
    }

    @Test
    void adaptersNeverSeeEachOther() {
        slices().matching("dev.boomer.adapter.(*)..").should().notDependOnEachOther().check(boomer);
    }

    @Test
    void adaptersDoNotReachIntoTheServer() {
        noClasses().that().resideInAPackage("dev.boomer.adapter..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.boomer.api..", "dev.boomer.console..",
                        "dev.boomer.jobs..", "dev.boomer.inbox..", "dev.boomer.wiring..", "dev.boomer.security..")
                .check(boomer);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.boomer.(**)").should().beFreeOfCycles().check(boomer);
    }

    @Test
    void repositoryPortsAreNamedAfterTheirAggregate() {
        classes().that().resideInAPackage("dev.boomer.domain..").and().areInterfaces()
                .and().haveSimpleNameEndingWith("Repository")
                .should().haveSimpleNameEndingWith("Repository").check(boomer);
        classes().that().resideInAPackage("dev.boomer.adapter.persistence..")
                .and().implement(dev.boomer.domain.item.ItemRepository.class)
                .should().haveSimpleNameStartingWith("Jdbc").check(boomer);
    }

    @Test
    void jobRunrStaysInTheJobsPackage() {
        noClasses().that().resideOutsideOfPackages("dev.boomer.jobs..", "dev.boomer.console..")
                .should().dependOnClassesThat().resideInAPackage("org.jobrunr..").check(boomer);
    }
}
