package dev.sqllint.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one walk of a file's tree that serves every findAll visits the nodes in JavaParser's own order. */
class JavaFileTest {

    @Test
    void walksTheTreeInTheOrderNodeWalkDoes() {
        CompilationUnit unit = StaticJavaParser.parse("""
                package com.acme;
                class OrderDao {
                    String q = "SELECT id FROM orders WHERE " + (open ? "status = 'OPEN'" : "1 = 1");
                    void run(java.util.List<String> ids) {
                        for (String id : ids) { if (id.isEmpty()) continue; jdbc.update(q, id); }
                        Runnable r = () -> System.out.println(q);
                    }
                }
                """);
        List<Node> walked = new ArrayList<>();
        unit.walk(walked::add);

        List<Node> ours = JavaFile.preOrder(unit);

        assertEquals(walked.size(), ours.size());
        for (int i = 0; i < walked.size(); i++) assertSame(walked.get(i), ours.get(i), "node " + i);
    }
}
