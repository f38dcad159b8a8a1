package scar.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.installation.InstallRequest;
import org.eclipse.aether.installation.InstallationException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;

/**
 * A temporary local Maven repository for the {@code %maven} tests, so that they need no network: two small libraries
 * are compiled, jarred and installed into it with Maven Resolver's own install, {@code scar.test:greeter:1.0} (class
 * {@code scar.test.greeter.Greeter}) depending on {@code scar.test:names:1.0} (class {@code scar.test.names.Names}).
 * The settings file it writes points the local repository there and mirrors every remote repository to a closed
 * port on the loopback address, so that anything not installed fails fast as "cannot reach" instead of going online.
 */
final class MavenTestRepository {

    static final String GREETER = "scar.test:greeter:1.0";
    static final String NAMES = "scar.test:names:1.0";
    /** A loopback port where nothing listens (the discard port). */
    static final String UNREACHABLE = "http://127.0.0.1:9/";

    private MavenTestRepository() {
    }

    /** Creates {@code dir/repository} with both artifacts and returns {@code dir/settings.xml}. */
    static Path create(Path dir) {
        try {
            Path repository = dir.resolve("repository");
            Path build = Files.createDirectories(dir.resolve("build"));
            Path names = jar(build, "names", "scar/test/names/Names.java", """
                    package scar.test.names;
                    public final class Names {
                        private Names() {}
                        public static String polite(String name) { return "dear " + name; }
                    }
                    """, null);
            Path greeter = jar(build, "greeter", "scar/test/greeter/Greeter.java", """
                    package scar.test.greeter;
                    public final class Greeter {
                        public String greet(String name) { return "Hello, " + scar.test.names.Names.polite(name); }
                    }
                    """, names);
            Path namesPom = pom(build, "names", "");
            Path greeterPom = pom(build, "greeter", """
                      <dependencies>
                        <dependency>
                          <groupId>scar.test</groupId>
                          <artifactId>names</artifactId>
                          <version>1.0</version>
                        </dependency>
                      </dependencies>
                    """);
            RepositorySystem system = new RepositorySystemSupplier().get();
            try (RepositorySystemSession.CloseableSession session = new SessionBuilderSupplier(system).get()
                    .withLocalRepositoryBaseDirectories(repository).build()) {
                install(system, session, NAMES, names, namesPom);
                install(system, session, GREETER, greeter, greeterPom);
            } finally {
                system.shutdown();
            }
            Path settings = dir.resolve("settings.xml");
            Files.writeString(settings, """
                    <settings>
                      <localRepository>%s</localRepository>
                      <mirrors>
                        <mirror>
                          <id>nowhere</id>
                          <url>%s</url>
                          <mirrorOf>*</mirrorOf>
                        </mirror>
                      </mirrors>
                    </settings>
                    """.formatted(repository, UNREACHABLE));
            return settings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void install(RepositorySystem system, RepositorySystemSession session, String coordinates,
                                Path jar, Path pom) {
        Artifact artifact = new DefaultArtifact(coordinates).setPath(jar);
        Artifact pomArtifact = new DefaultArtifact(coordinates.replace(":1.0", ":pom:1.0")).setPath(pom);
        try {
            system.install(session, new InstallRequest().setArtifacts(List.of(artifact, pomArtifact)));
        } catch (InstallationException e) {
            throw new IllegalStateException("cannot install " + coordinates + " into the test repository", e);
        }
    }

    private static Path jar(Path build, String name, String path, String source, Path classpath) throws IOException {
        Path src = build.resolve(name + "-src").resolve(path);
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = Files.createDirectories(build.resolve(name + "-classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = classpath == null ? javac.run(null, null, null, "-d", classes.toString(), src.toString())
                : javac.run(null, null, null, "-cp", classpath.toString(), "-d", classes.toString(), src.toString());
        if (status != 0) {
            throw new IllegalStateException("javac failed on " + src);
        }
        Path jar = build.resolve(name + "-1.0.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(classes)) {
            for (Path c : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(c));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Path pom(Path build, String name, String dependencies) throws IOException {
        Path pom = build.resolve(name + "-1.0.pom");
        Files.writeString(pom, """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>scar.test</groupId>
                  <artifactId>%s</artifactId>
                  <version>1.0</version>
                %s</project>
                """.formatted(name, dependencies), StandardCharsets.UTF_8);
        return pom;
    }
}
