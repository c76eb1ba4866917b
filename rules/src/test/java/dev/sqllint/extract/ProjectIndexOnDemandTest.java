package dev.sqllint.extract;

import com.github.javaparser.StaticJavaParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Files parsed when an analysis asks about a type they declare: once, however many threads ask at the same time. */
class ProjectIndexOnDemandTest {

    private static final Path CONSTANTS = Path.of("src/main/java/com/acme/Sql.java");

    @Test
    void aThreadAskingForAFileAnotherIsParsingWaitsForThatParse() throws Exception {
        CountDownLatch parsing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger parses = new AtomicInteger();
        ProjectIndex index = new ProjectIndex(List.of(), Map.of("com.acme.Sql", CONSTANTS), path -> {
            parses.incrementAndGet();
            parsing.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of(new JavaFile(path, StaticJavaParser.parse(
                    "package com.acme; class Sql { static final String ORDERS = \"SELECT id FROM orders\"; }")));
        });
        AtomicReference<Optional<JavaFile>> first = new AtomicReference<>();
        AtomicReference<Optional<JavaFile>> second = new AtomicReference<>();
        Thread one = new Thread(() -> first.set(index.load(CONSTANTS)));
        one.start();
        parsing.await();
        Thread two = new Thread(() -> second.set(index.load(CONSTANTS)));
        two.start();
        while (two.getState() != Thread.State.WAITING && two.isAlive()) Thread.onSpinWait();
        finish.countDown();
        one.join();
        two.join();

        assertEquals(1, parses.get());
        assertSame(first.get().orElseThrow(), second.get().orElseThrow());
        assertEquals("ORDERS", index.constant("com.acme.Sql", "ORDERS").orElseThrow().name());
    }

    @Test
    void aTypeWhoseOutlineExtendsNothingIsNotParsedToLearnThat() {
        Path dto = Path.of("src/main/java/com/acme/OrderLine.java");
        Path repository = Path.of("src/main/java/com/acme/OrderRepository.java");
        AtomicInteger parses = new AtomicInteger();
        ProjectIndex index = new ProjectIndex(List.of(), Map.of("com.acme.OrderLine", dto, "com.acme.OrderRepository", repository),
                path -> {
                    parses.incrementAndGet();
                    return Optional.empty();
                }, Integer.MAX_VALUE, path -> path.equals(repository)); // as the outlines say: only the repository extends

        assertEquals(false, index.mayHaveSupertypes("com.acme.OrderLine"));
        assertEquals(false, index.mayHaveSupertypes("com.acme.OrderLine.Key")); // nested in it
        assertEquals(true, index.mayHaveSupertypes("com.acme.OrderRepository"));
        assertEquals(true, index.mayHaveSupertypes("java.util.ArrayList")); // not the project's: the index tells
        assertEquals(0, parses.get());
    }
}
