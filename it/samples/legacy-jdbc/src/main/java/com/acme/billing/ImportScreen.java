package com.acme.billing;

/**
 * Console screen for importing invoices from a CSV export.
 */
public class ImportScreen {

    private final StringBuilder screen = new StringBuilder();

    /** Renders the prompt shown before a file is chosen. */
    public String render() {
        label("Select a file to upload");
        System.out.println("Select a file to upload (CSV, at most 10 MB)");
        return screen.toString();
    }

    /** Adds one line of label text to the screen. */
    public void label(String text) {
        screen.append(text).append(System.lineSeparator());
    }
}
