package scar.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Maven Resolver against a temporary local repository: no network. */
class MavenResolverTest {

    @TempDir
    static Path dir;
    private static Path settings;

    @BeforeAll
    static void repository() {
        settings = MavenTestRepository.create(dir);
    }

    @Test
    void resolvesAnArtifactWithItsTransitiveDependency() {
        MavenResolver resolver = new MavenResolver(Optional.of(settings), line -> { });
        assertEquals(dir.resolve("repository"), resolver.localRepository());
        List<Path> jars = resolver.resolve(List.of(MavenResolver.Request.of(MavenTestRepository.GREETER)), List.of());
        assertEquals(List.of("greeter-1.0.jar", "names-1.0.jar"),
                jars.stream().map(p -> p.getFileName().toString()).toList());
        assertTrue(jars.stream().allMatch(p -> p.startsWith(dir.resolve("repository"))), jars.toString());
    }

    @Test
    void anExclusionLeavesTheDependencyOut() {
        MavenResolver resolver = new MavenResolver(Optional.of(settings), line -> { });
        List<Path> jars = resolver.resolve(List.of(new MavenResolver.Request(MavenTestRepository.GREETER, "runtime",
                List.of("scar.test:names"))), List.of());
        assertEquals(List.of("greeter-1.0.jar"), jars.stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void anUnknownArtifactOrNoNetworkIsOneClearLine() {
        MavenResolver resolver = new MavenResolver(Optional.of(settings), line -> { });
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> resolver.resolve(
                List.of(MavenResolver.Request.of("scar.test:missing:1.0")), List.of()));
        assertTrue(missing.getMessage().startsWith("cannot reach a Maven repository")
                && missing.getMessage().contains("no network?") && missing.getMessage().lines().count() == 1,
                missing.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> resolver.resolve(
                List.of(MavenResolver.Request.of("just-a-name")), List.of()));
        assertTrue(bad.getMessage().contains("groupId:artifactId"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> resolver.addRepository("x", "ftp://example.org/"));
    }

    @Test
    void pomTextGivesDependenciesRepositoriesAndProperties() {
        PomFragment loose = PomFragment.parse("""
                <repository><id>extra</id><url>https://repo.example.org/maven2/</url></repository>
                <dependency>
                  <groupId>scar.test</groupId><artifactId>greeter</artifactId><version>1.0</version>
                </dependency>
                <dependency>
                  <groupId>org.junit</groupId><artifactId>junit</artifactId><version>5</version><scope>test</scope>
                </dependency>
                """, PomFragment.DEFAULT_SCOPES);
        assertEquals(List.of("scar.test:greeter:jar:1.0"), loose.dependencies().stream()
                .map(MavenResolver.Request::coordinates).toList());
        assertEquals("extra", loose.repositories().get(0).getId());
        PomFragment project = PomFragment.parse("""
                <?xml version="1.0"?>
                <project>
                  <properties><greeter.version>1.0</greeter.version></properties>
                  <dependencyManagement><dependencies><dependency>
                    <groupId>managed</groupId><artifactId>only</artifactId><version>9</version>
                  </dependency></dependencies></dependencyManagement>
                  <dependencies><dependency>
                    <groupId>scar.test</groupId><artifactId>greeter</artifactId><version>${greeter.version}</version>
                    <exclusions><exclusion><groupId>scar.test</groupId><artifactId>names</artifactId></exclusion>
                    </exclusions>
                  </dependency></dependencies>
                </project>
                """, Set.of("compile"));
        assertEquals(1, project.dependencies().size(), "dependencyManagement is not a dependency");
        assertEquals(List.of("scar.test:names"), project.dependencies().get(0).exclusions());
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class,
                () -> PomFragment.parse("<dependency><groupId>a</groupId>", PomFragment.DEFAULT_SCOPES));
        assertTrue(broken.getMessage().startsWith("the POM text is not well-formed"), broken.getMessage());
        IllegalArgumentException undefined = assertThrows(IllegalArgumentException.class, () -> PomFragment.parse(
                "<dependency><groupId>a</groupId><artifactId>b</artifactId><version>${v}</version></dependency>",
                PomFragment.DEFAULT_SCOPES));
        assertTrue(undefined.getMessage().contains("${v}"), undefined.getMessage());
    }
}
