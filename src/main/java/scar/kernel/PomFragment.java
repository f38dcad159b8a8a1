package scar.kernel;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.eclipse.aether.repository.RemoteRepository;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The dependencies and repositories of a POM, or of POM pieces pasted from a README: {@code %%loadFromPOM}'s body.
 *
 * <p>A body whose root is {@code <project>} is read as a POM: its {@code <dependencies>} (not those of
 * {@code <dependencyManagement>}) and {@code <repositories>}, with {@code ${property}} references replaced from its
 * {@code <properties>} and {@code ${project.version}}. Anything else is read as a sequence of loose
 * {@code <dependency>}, {@code <dependencies>}, {@code <repository>} and {@code <repositories>} elements. Dependencies
 * are kept when their scope is one of {@code scopes} (no scope means compile).
 */
record PomFragment(List<MavenResolver.Request> dependencies, List<RemoteRepository> repositories) {

    /** The scopes kept when none are asked for. */
    static final Set<String> DEFAULT_SCOPES = Set.of("compile", "runtime");

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    PomFragment {
        dependencies = List.copyOf(dependencies);
        repositories = List.copyOf(repositories);
    }

    /**
     * Reads a body.
     *
     * @throws IllegalArgumentException for XML that does not parse, or a dependency without groupId, artifactId or
     *                                  version (with the line of text that says which)
     */
    static PomFragment parse(String xml, Set<String> scopes) {
        String body = xml.strip().replaceFirst("^<\\?xml[^>]*\\?>", "").strip();
        boolean project = body.matches("(?s)<project[\\s>].*");
        Element root = parseXml(project ? body : "<fragment>" + body + "</fragment>");
        Map<String, String> properties = new HashMap<>();
        if (project) {
            Element props = child(root, "properties");
            if (props != null) {
                for (Element p : children(props)) {
                    properties.put(p.getTagName(), p.getTextContent().strip());
                }
            }
            String version = text(root, "version", Map.of());
            if (version != null) {
                properties.put("project.version", version);
            }
        }
        List<Element> dependencyElements = new ArrayList<>();
        List<Element> repositoryElements = new ArrayList<>();
        collect(root, project, dependencyElements, repositoryElements);
        List<MavenResolver.Request> dependencies = new ArrayList<>();
        for (Element d : dependencyElements) {
            String groupId = text(d, "groupId", properties);
            String artifactId = text(d, "artifactId", properties);
            String version = text(d, "version", properties);
            if (groupId == null || artifactId == null || version == null) {
                throw new IllegalArgumentException("a <dependency> needs groupId, artifactId and version (versions "
                        + "from a dependencyManagement or BOM are not looked up): "
                        + groupId + ":" + artifactId + ":" + version);
            }
            String scope = text(d, "scope", properties);
            scope = scope == null ? "compile" : scope.toLowerCase(Locale.ROOT);
            if (!scopes.contains(scope)) {
                continue;
            }
            String type = text(d, "type", properties);
            String classifier = text(d, "classifier", properties);
            String coordinates = groupId + ":" + artifactId + ":" + (type == null ? "jar" : type)
                    + (classifier == null ? "" : ":" + classifier) + ":" + version;
            List<String> exclusions = new ArrayList<>();
            Element ex = child(d, "exclusions");
            if (ex != null) {
                for (Element e : children(ex)) {
                    exclusions.add(text(e, "groupId", properties) + ":" + text(e, "artifactId", properties));
                }
            }
            dependencies.add(new MavenResolver.Request(coordinates, scope.equals("compile") ? "compile" : "runtime",
                    exclusions));
        }
        List<RemoteRepository> repositories = new ArrayList<>();
        for (Element r : repositoryElements) {
            String id = text(r, "id", properties);
            String url = text(r, "url", properties);
            if (id == null || url == null) {
                throw new IllegalArgumentException("a <repository> needs an <id> and a <url>");
            }
            repositories.add(new RemoteRepository.Builder(id, "default", url).build());
        }
        return new PomFragment(dependencies, repositories);
    }

    private static void collect(Element element, boolean project, List<Element> dependencies,
                                List<Element> repositories) {
        for (Element c : children(element)) {
            switch (c.getTagName()) {
                case "dependency" -> dependencies.add(c);
                case "repository" -> repositories.add(c);
                case "dependencies", "repositories" -> collect(c, false, dependencies, repositories);
                default -> {
                    if (!project) {
                        collect(c, false, dependencies, repositories);
                    }
                }
            }
        }
    }

    private static Element parseXml(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // throws on fatal errors, prints nothing
            Document document = builder.parse(new InputSource(new StringReader(xml)));
            return document.getDocumentElement();
        } catch (SAXException e) {
            throw new IllegalArgumentException("the POM text is not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("cannot set up the XML parser: " + e.getMessage(), e);
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) nodes.item(i));
            }
        }
        return out;
    }

    private static Element child(Element parent, String name) {
        return children(parent).stream().filter(c -> c.getTagName().equals(name)).findFirst().orElse(null);
    }

    private static String text(Element parent, String name, Map<String, String> properties) {
        Element c = child(parent, name);
        if (c == null || c.getTextContent().isBlank()) {
            return null;
        }
        String value = c.getTextContent().strip();
        Matcher m = PROPERTY.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = properties.get(m.group(1));
            if (replacement == null) {
                throw new IllegalArgumentException("<" + name + ">" + value + "</" + name + "> uses ${" + m.group(1)
                        + "}, which the POM text does not define");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
