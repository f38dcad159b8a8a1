package scar.kernel;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The Javadoc of SCAR's own API, for Shift-Tab in a notebook. JShell finds Javadoc only in the JDK's
 * {@code src.zip}, so the kernel ships the sources of the {@code scar} packages as resources
 * ({@value #ROOT}...) and reads the comment of the method, constructor, field or type that JShell names in its
 * signature (for example {@code scar.foundation.DatasetProfile Scar.characterize(scar.data.MultiModalDataset dataset)}).
 * A source file is parsed (javac's parser, no compilation) the first time one of its members is asked for.
 */
final class SourceDocs {

    /** Resource folder of the shipped sources: {@code ROOT + "scar/Scar.java"}. */
    static final String ROOT = "/scar/kernel/sources/";

    private static final List<String> PACKAGES = List.of("scar", "scar.data", "scar.probe", "scar.measure",
            "scar.foundation", "scar.plan", "scar.cluster", "scar.plot", "scar.report", "scar.kernel", "scar.cli",
            "scar.evidence", "scar.bench");
    /** {@code [type] Owner.member(params)} or {@code Owner(params)}, as JShell prints it. */
    private static final Pattern SIGNATURE = Pattern.compile(
            "(?:[\\w.$<>\\[\\], ?]+\\s+)?([\\w.$]+?)\\.([\\w$]+)\\((.*)\\)(?:\\s+throws.*)?");
    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|literal|link|linkplain|value)\\s+([^}]*)}");

    private final Map<String, Map<String, String>> byFile = new ConcurrentHashMap<>();

    /** The Javadoc, as plain text, of the member JShell's {@code signature} names; null if none is shipped. */
    String javadoc(String signature) {
        Matcher m = SIGNATURE.matcher(signature.strip());
        if (!m.matches()) {
            return null;
        }
        String owner = simpleName(m.group(1));
        String member = m.group(2);
        String ownerPath = m.group(1).contains(".") && !Character.isUpperCase(m.group(1).charAt(0))
                ? m.group(1).substring(0, m.group(1).lastIndexOf('.')) : null;
        if (Character.isUpperCase(member.charAt(0)) && Character.isLowerCase(owner.charAt(0))) {
            ownerPath = m.group(1); // a constructor: package.Type(...)
            owner = member;
        }
        String params = m.group(3).isBlank() ? "" : List.of(m.group(3).split(",\\s*")).stream()
                .map(p -> simpleName(p.strip().split("\\s+")[0])).collect(Collectors.joining(","));
        Map<String, String> docs = docsOf(owner, ownerPath);
        if (docs == null) {
            return null;
        }
        String exact = docs.get(member + "(" + params + ")");
        return exact != null ? exact : docs.get(member);
    }

    private Map<String, String> docsOf(String type, String knownPackage) {
        List<String> packages = knownPackage != null ? List.of(knownPackage) : PACKAGES;
        for (String pkg : packages) {
            String resource = ROOT + pkg.replace('.', '/') + "/" + type + ".java";
            Map<String, String> docs = byFile.computeIfAbsent(resource, SourceDocs::parse);
            if (!docs.isEmpty()) {
                return docs;
            }
        }
        return null;
    }

    /** Every documented member of a shipped source file, keyed by {@code name(ParamType,...)} and by name. */
    private static Map<String, String> parse(String resource) {
        String source;
        try (InputStream in = SourceDocs.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Map.of();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return Map.of();
        }
        SimpleJavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + resource),
                SimpleJavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavacTask task = (JavacTask) javac.getTask(null, null, diagnostic -> { }, List.of("-proc:none"), null,
                List.of(file));
        DocTrees trees = DocTrees.instance(task);
        Map<String, String> docs = new HashMap<>();
        try {
            for (CompilationUnitTree unit : task.parse()) {
                new TreePathScanner<Void, Void>() {
                    @Override
                    public Void visitClass(ClassTree tree, Void unused) {
                        put(tree.getSimpleName().toString(), null);
                        return super.visitClass(tree, unused);
                    }

                    @Override
                    public Void visitMethod(MethodTree tree, Void unused) {
                        String name = tree.getName().contentEquals("<init>")
                                ? ((ClassTree) getCurrentPath().getParentPath().getLeaf()).getSimpleName().toString()
                                : tree.getName().toString();
                        put(name, tree.getParameters().stream().map(p -> simpleName(p.getType().toString()))
                                .collect(Collectors.joining(",")));
                        return null;
                    }

                    @Override
                    public Void visitVariable(VariableTree tree, Void unused) {
                        put(tree.getName().toString(), null);
                        return null;
                    }

                    private void put(String name, String params) {
                        DocCommentTree comment = trees.getDocCommentTree(getCurrentPath());
                        if (comment == null) {
                            return;
                        }
                        String text = plain(comment.toString());
                        if (params != null) {
                            docs.putIfAbsent(name + "(" + params + ")", text);
                        }
                        docs.putIfAbsent(name, text);
                    }
                }.scan(unit, null);
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return docs;
    }

    /** Javadoc source as plain text: inline tags unwrapped, HTML tags dropped, paragraphs kept. */
    static String plain(String javadoc) {
        String text = INLINE_TAG.matcher(javadoc).replaceAll(r -> Matcher.quoteReplacement(
                r.group(1).strip().replace('#', '.')));
        text = text.replaceAll("(?i)<p>|</p>|<br\\s*/?>", "\n").replaceAll("(?i)<li>", "\n - ")
                .replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return text.replaceAll("\n{3,}", "\n\n").strip();
    }

    private static String simpleName(String type) {
        String raw = type.replaceAll("<.*>", "").replace("...", "[]");
        String base = raw.contains(".") ? raw.substring(raw.lastIndexOf('.') + 1) : raw;
        return base.replace("$", ".");
    }
}
