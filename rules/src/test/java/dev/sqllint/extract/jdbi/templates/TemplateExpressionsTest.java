package dev.sqllint.extract.jdbi.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Where a StringTemplate expression ends: the one scanner inline templates and group files share. */
class TemplateExpressionsTest {

    @Test
    void aPlainAttributeEndsAtItsBracket() {
        assertEquals("<name>", expression("<name> AND b = 1"));
        assertEquals("<if(active)>", expression("<if(active)>WHERE a = 1<endif>"));
    }

    @Test
    void bracketsInsideParenthesesSubtemplatesAndStringsDoNotEndIt() {
        assertEquals("<if(a.b > c)>", expression("<if(a.b > c)>x<endif>"));
        assertEquals("<cols:{c | <c> > 0}; separator=\" AND \">", expression("<cols:{c | <c> > 0}; separator=\" AND \"> LIMIT 1"));
        assertEquals("<ids; separator=\">\">", expression("<ids; separator=\">\"> x"));
    }

    /** The case the two copies disagreed on: an escaped quote does not close the string. */
    @Test
    void anEscapedQuoteDoesNotCloseTheString() {
        assertEquals("<ids; separator=\"\\\">\">", expression("<ids; separator=\"\\\">\"> AND b = 1"));
    }

    @Test
    void anUnclosedExpressionOrStringRunsToTheEnd() {
        assertEquals("<name", expression("<name"));
        assertEquals("<ids; separator=\"> x", expression("<ids; separator=\"> x"));
    }

    private static String expression(String template) {
        return template.substring(0, TemplateExpressions.end(template, 0));
    }
}
