package dev.sqllint.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a type name as written in a file (simple, nested or qualified) to a qualified name, the way javac
 * would without a classpath: enclosing and nested types, single-type imports, the file's package, then
 * on-demand imports (for project types, and for the framework types sqllint knows).
 */
public final class TypeNames {

    private final ProjectIndex index;
    private final Set<String> knownExternalTypes;

    public TypeNames(ProjectIndex index, Set<String> knownExternalTypes) {
        this.index = index;
        this.knownExternalTypes = knownExternalTypes;
    }

    /** The qualified name, or the name as written when nothing matches. */
    public String resolve(String written, Node context) {
        String name = stripGenerics(written);
        CompilationUnit cu = context.findCompilationUnit().orElse(null);
        if (cu == null) return name;
        String first = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        String rest = name.substring(first.length());
        // types nested in the enclosing classes, innermost first
        for (Node n = context; n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof TypeDeclaration<?> t) {
                String outer = ProjectIndex.qualifiedName(t);
                if (t.getNameAsString().equals(first)) return outer + rest;
                if (index.hasType(outer + "." + first)) return outer + "." + first + rest;
            }
        }
        for (ImportDeclaration imp : cu.getImports()) {
            if (imp.isStatic() || imp.isAsterisk()) continue;
            // the last identifier first: spelling out every import's name was a tenth of extraction on ThingsBoard
            if (!imp.getName().getIdentifier().equals(first) || imp.getName().getQualifier().isEmpty()) continue;
            return imp.getNameAsString() + rest;
        }
        String pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("");
        if (index.hasType(pkg + first)) return pkg + first + rest;
        for (ImportDeclaration imp : cu.getImports()) {
            if (imp.isStatic() || !imp.isAsterisk()) continue;
            String candidate = imp.getNameAsString() + "." + first;
            if (index.hasType(candidate) || knownExternalTypes.contains(candidate)) return candidate + rest;
        }
        if (index.hasType(name)) return name;
        return name;
    }

    /** The type a static import brings in for {@code member}, if any: {@code import static a.B.member} or {@code a.B.*}. */
    public Optional<String> staticImportOwner(String member, Node context) {
        CompilationUnit cu = context.findCompilationUnit().orElse(null);
        if (cu == null) return Optional.empty();
        for (ImportDeclaration imp : cu.getImports()) {
            if (!imp.isStatic()) continue;
            String q = imp.getNameAsString();
            if (!imp.isAsterisk() && q.endsWith("." + member)) return Optional.of(q.substring(0, q.lastIndexOf('.')));
        }
        for (ImportDeclaration imp : cu.getImports()) {
            if (imp.isStatic() && imp.isAsterisk() && index.constant(imp.getNameAsString(), member).isPresent()) {
                return Optional.of(imp.getNameAsString());
            }
        }
        return Optional.empty();
    }

    /**
     * The constant {@code name} of the type {@code typeName}, declared there or inherited from a supertype the sources
     * declare ({@code interface Columns { String ID = "id"; }}), nearest first; a few levels deep at most.
     */
    public Optional<ProjectIndex.Constant> constant(String typeName, String name) {
        return constant(typeName, name, 0);
    }

    private Optional<ProjectIndex.Constant> constant(String typeName, String name, int level) {
        Optional<ProjectIndex.Constant> own = index.constant(typeName, name);
        if (own.isPresent() || level > 4) return own;
        Optional<TypeDeclaration<?>> type = index.type(typeName);
        if (type.isEmpty() || !(type.get() instanceof ClassOrInterfaceDeclaration c)) return Optional.empty();
        List<ClassOrInterfaceType> supers = new ArrayList<>(c.getExtendedTypes());
        supers.addAll(c.getImplementedTypes());
        for (ClassOrInterfaceType s : supers) {
            Optional<ProjectIndex.Constant> inherited = constant(resolve(s.getNameWithScope(), c), name, level + 1);
            if (inherited.isPresent()) return inherited;
        }
        return Optional.empty();
    }

    public static String stripGenerics(String type) {
        int lt = type.indexOf('<');
        String s = lt < 0 ? type : type.substring(0, lt);
        return s.replace("[]", "").trim();
    }
}
