package scar.kernel;

import java.io.File;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Profile;
import org.apache.maven.settings.Repository;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;

/**
 * Resolves Maven artifacts with their transitive dependencies, as Maven 3 would: Apache Maven Resolver configured by
 * the user's {@code settings.xml} (local repository, offline mode, mirrors, proxies, server credentials, the
 * repositories of active profiles), Maven Central, and the repositories added with {@link #addRepository}. What the
 * local repository holds resolves without a network.
 *
 * <p>Created lazily by the {@code %maven} magics, so a kernel that never resolves anything never loads the
 * resolver. Failures become one {@link IllegalArgumentException} line: an unknown artifact names the repositories
 * searched; a missing network says so.
 */
final class MavenResolver {

    static final String CENTRAL_URL = "https://repo.maven.apache.org/maven2/";

    /** One dependency to resolve: Maven coordinates, a scope and excluded {@code groupId:artifactId}s. */
    record Request(String coordinates, String scope, List<String> exclusions) {
        Request {
            exclusions = List.copyOf(exclusions);
        }

        static Request of(String coordinates) {
            return new Request(coordinates, "runtime", List.of());
        }
    }

    private final Settings settings;
    private final Path settingsFile;
    private final Map<String, RemoteRepository> added = new LinkedHashMap<>();
    private final Consumer<String> log;
    private RepositorySystem system;
    private RepositorySystemSession session;

    /**
     * @param settingsFile the user settings ({@code ~/.m2/settings.xml} when empty); a missing file means defaults
     * @param log          where downloads are reported, one line each
     * @throws IllegalArgumentException if the settings file cannot be read
     */
    MavenResolver(Optional<Path> settingsFile, Consumer<String> log) {
        this.settingsFile = settingsFile.orElse(Path.of(System.getProperty("user.home"), ".m2", "settings.xml"));
        this.settings = readSettings(this.settingsFile);
        this.log = log;
    }

    /** The local repository: {@code -Dmaven.repo.local}, else the settings' {@code localRepository}, else ~/.m2. */
    Path localRepository() {
        String property = System.getProperty("maven.repo.local");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        if (settings.getLocalRepository() != null && !settings.getLocalRepository().isBlank()) {
            return Path.of(settings.getLocalRepository());
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /**
     * Adds a remote repository searched by the following resolutions (after Central and the settings' ones).
     *
     * @throws IllegalArgumentException for a blank id or a URL that is not http(s) or file
     */
    void addRepository(String id, String url) {
        if (id.isBlank() || !url.matches("(?i)(https?|file):.+")) {
            throw new IllegalArgumentException("%mavenRepo needs an id and an http(s) or file URL, got '" + id
                    + "' '" + url + "'");
        }
        added.put(id, new RemoteRepository.Builder(id, "default", url).build());
    }

    /** The repositories searched, in order. */
    List<RemoteRepository> repositories(List<RemoteRepository> extra) {
        Map<String, RemoteRepository> all = new LinkedHashMap<>();
        all.put("central", new RemoteRepository.Builder("central", "default", CENTRAL_URL).build());
        List<String> active = settings.getActiveProfiles();
        for (Profile profile : settings.getProfiles()) {
            boolean on = active.contains(profile.getId())
                    || profile.getActivation() != null && profile.getActivation().isActiveByDefault();
            if (on) {
                for (Repository r : profile.getRepositories()) {
                    all.putIfAbsent(r.getId(), new RemoteRepository.Builder(r.getId(), "default", r.getUrl()).build());
                }
            }
        }
        added.forEach(all::putIfAbsent);
        extra.forEach(r -> all.putIfAbsent(r.getId(), r));
        return new ArrayList<>(all.values());
    }

    /**
     * Resolves the requests together (one dependency graph, Maven's nearest-wins conflict resolution) and returns
     * the files of every artifact in the compile and runtime scopes, dependencies included, in graph order.
     *
     * @throws IllegalArgumentException for bad coordinates, an artifact no repository has, or no network
     */
    List<Path> resolve(List<Request> requests, List<RemoteRepository> extraRepositories) {
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("nothing to resolve: give Maven coordinates groupId:artifactId:version");
        }
        List<Dependency> roots = new ArrayList<>();
        for (Request request : requests) {
            Artifact artifact;
            try {
                artifact = new DefaultArtifact(request.coordinates());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + request.coordinates() + "' is not a Maven artifact; expected "
                        + "groupId:artifactId[:extension[:classifier]]:version", e);
            }
            List<Exclusion> exclusions = request.exclusions().stream().map(x -> {
                String[] ga = x.split(":");
                return new Exclusion(ga[0], ga.length > 1 ? ga[1] : "*", "*", "*");
            }).collect(Collectors.toList());
            roots.add(new Dependency(artifact, request.scope(), false, exclusions));
        }
        RepositorySystemSession s = session();
        List<RemoteRepository> repositories = system.newResolutionRepositories(s, repositories(extraRepositories));
        CollectRequest collect = new CollectRequest(roots, List.of(), repositories);
        DependencyRequest request = new DependencyRequest(collect,
                DependencyFilterUtils.classpathFilter("compile", "runtime"));
        try {
            List<Path> files = new ArrayList<>();
            for (ArtifactResult result : system.resolveDependencies(s, request).getArtifactResults()) {
                Path file = result.getArtifact().getPath();
                if (file != null && !files.contains(file)) {
                    files.add(file);
                }
            }
            return files;
        } catch (DependencyResolutionException e) {
            throw new IllegalArgumentException(explain(e, repositories), e);
        }
    }

    private String explain(DependencyResolutionException e, List<RemoteRepository> repositories) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof ConnectException
                    || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException) {
                return "cannot reach a Maven repository (" + t.getClass().getSimpleName() + ": " + t.getMessage()
                        + "); no network? What the local repository " + localRepository() + " holds resolves "
                        + "offline.";
            }
        }
        String where = repositories.stream().map(r -> r.getId() + " (" + r.getUrl() + ")")
                .collect(Collectors.joining(", "));
        String offline = session.isOffline() ? " (offline mode is on in " + settingsFile + ")" : "";
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getMessage() == null ? root.toString() : root.getMessage().lines().findFirst().orElse("");
        return "cannot resolve: " + reason + ". Searched the local repository " + localRepository() + " and "
                + where + offline;
    }

    private RepositorySystemSession session() {
        if (session == null) {
            system = new RepositorySystemSupplier().get();
            DefaultMirrorSelector mirrors = new DefaultMirrorSelector();
            for (Mirror m : settings.getMirrors()) {
                mirrors.add(m.getId(), m.getUrl(), m.getLayout(), false, m.isBlocked(), m.getMirrorOf(),
                        m.getMirrorOfLayouts());
            }
            DefaultProxySelector proxies = new DefaultProxySelector();
            for (org.apache.maven.settings.Proxy p : settings.getProxies()) {
                if (p.isActive()) {
                    AuthenticationBuilder auth = new AuthenticationBuilder().addUsername(p.getUsername())
                            .addPassword(p.getPassword());
                    proxies.add(new org.eclipse.aether.repository.Proxy(p.getProtocol(), p.getHost(), p.getPort(),
                            auth.build()), p.getNonProxyHosts());
                }
            }
            DefaultAuthenticationSelector auths = new DefaultAuthenticationSelector();
            for (Server server : settings.getServers()) {
                auths.add(server.getId(), new AuthenticationBuilder().addUsername(server.getUsername())
                        .addPassword(server.getPassword()).addPrivateKey(server.getPrivateKey(),
                                server.getPassphrase()).build());
            }
            session = new SessionBuilderSupplier(system).get()
                    .withLocalRepositoryBaseDirectories(localRepository())
                    .setOffline(settings.isOffline())
                    .setMirrorSelector(mirrors)
                    .setProxySelector(proxies)
                    .setAuthenticationSelector(auths)
                    .setSystemProperties(System.getProperties())
                    .setTransferListener(new AbstractTransferListener() {
                        @Override
                        public void transferSucceeded(TransferEvent event) {
                            if (event.getRequestType() == TransferEvent.RequestType.GET
                                    && event.getTransferredBytes() > 0) {
                                log.accept(String.format(java.util.Locale.ROOT, "downloaded %s (%,d bytes)",
                                        event.getResource().getResourceName(), event.getTransferredBytes()));
                            }
                        }
                    })
                    .build();
        }
        return session;
    }

    private static Settings readSettings(Path userSettings) {
        DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest()
                .setSystemProperties(System.getProperties());
        if (Files.isRegularFile(userSettings)) {
            request.setUserSettingsFile(userSettings.toFile());
        }
        String mavenHome = System.getenv("MAVEN_HOME");
        if (mavenHome != null && Files.isRegularFile(Path.of(mavenHome, "conf", "settings.xml"))) {
            request.setGlobalSettingsFile(new File(mavenHome, "conf" + File.separator + "settings.xml"));
        }
        try {
            return new DefaultSettingsBuilderFactory().newInstance().build(request).getEffectiveSettings();
        } catch (SettingsBuildingException e) {
            throw new IllegalArgumentException("cannot read the Maven settings " + userSettings + ": "
                    + e.getProblems().stream().map(Object::toString).findFirst().orElse(e.getMessage()), e);
        }
    }
}
