package dev.wippy.observability.console;

import java.nio.charset.StandardCharsets;

/**
 * The HTML of a page: one shell for all of them, naming the page and its ID for the script that fills it in, and
 * the 404 page. Text from the URL is escaped.
 */
final class PageShell {
    private static final String SHELL = new String(StaticFiles.read("page.html"), StandardCharsets.UTF_8);

    private PageShell() {
    }

    static String render(Page page, String id) {
        String title = page.title + (id == null ? "" : " " + id);
        return SHELL.replace("{{title}}", escape(title)).replace("{{page}}", page.slug())
                .replace("{{id}}", id == null ? "" : escape(id)).replace("{{body}}", "");
    }

    static String notFound(String message) {
        return SHELL.replace("{{title}}", "Not found").replace("{{page}}", "missing").replace("{{id}}", "")
                .replace("{{body}}", "<h1>404 — not found</h1><p class=\"missing\">" + escape(message) + "</p>");
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
