package dev.sqllint.extract;

import com.github.javaparser.ast.CompilationUnit;
import java.nio.file.Path;

/** A parsed Java source file. */
public record JavaFile(Path path, CompilationUnit unit) {
}
