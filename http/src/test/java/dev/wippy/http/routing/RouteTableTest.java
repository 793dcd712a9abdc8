package dev.wippy.http.routing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Matching and precedence of spec 07 §1.6 (Go ServeMux rules). */
class RouteTableTest {
    private static RouteTable<String> table(String... patterns) {
        List<Route<String>> routes = new ArrayList<>();
        for (String p : patterns) {
            int space = p.indexOf(' ');
            String method = space < 0 ? Route.ANY : p.substring(0, space);
            String path = space < 0 ? p : p.substring(space + 1);
            routes.add(new Route<>(method, PathPattern.parse(path), p, p));
        }
        return RouteTable.of(routes);
    }

    private static String found(RouteTable<String> t, String method, String path) {
        return t.lookup(method, path) instanceof Lookup.Found<String> f ? f.route().target() : null;
    }

    private static Map<String, String> params(RouteTable<String> t, String method, String path) {
        return ((Lookup.Found<String>) t.lookup(method, path)).params();
    }

    @Test
    void literalsBeatWildcardsAndDeeperSubtreesBeatShallowerOnes() {
        RouteTable<String> t = table("GET /users/{id}", "GET /users/me", "GET /files/", "GET /files/img/",
                "GET /{rest...}");
        assertThat(found(t, "GET", "/users/me")).isEqualTo("GET /users/me");
        assertThat(found(t, "GET", "/users/42")).isEqualTo("GET /users/{id}");
        assertThat(found(t, "GET", "/files/img/a.png")).isEqualTo("GET /files/img/");
        assertThat(found(t, "GET", "/files/doc.txt")).isEqualTo("GET /files/");
        assertThat(found(t, "GET", "/other/thing")).isEqualTo("GET /{rest...}");
        assertThatThrownBy(() -> table("GET /{rest...}", "/static/")).isInstanceOf(RouteConflicts.class);
    }

    @Test
    void aMethodPatternBeatsAMethodlessOneAndGetAlsoServesHead() {
        RouteTable<String> t = table("/items/{id}", "GET /items/{id}");
        assertThat(found(t, "GET", "/items/1")).isEqualTo("GET /items/{id}");
        assertThat(found(t, "HEAD", "/items/1")).isEqualTo("GET /items/{id}");
        assertThat(found(t, "DELETE", "/items/1")).isEqualTo("/items/{id}");
    }

    @Test
    void parametersArePercentDecodedPerSegmentAndEmptyOnesAreLeftOut() {
        RouteTable<String> t = table("GET /users/{id}/posts", "GET /files/{path...}", "GET /a/{x}");
        assertThat(params(t, "GET", "/users/a%2Fb/posts")).containsExactly(Map.entry("id", "a/b"));
        assertThat(params(t, "GET", "/files/x/y%20z.txt")).containsExactly(Map.entry("path", "x/y z.txt"));
        assertThat(params(t, "GET", "/files/")).isEmpty();
        assertThat(params(t, "GET", "/a/")).isEmpty();
    }

    @Test
    void dollarMatchesOnlyThePathEndingInASlash() {
        RouteTable<String> t = table("GET /posts/{$}", "GET /posts/{id}");
        assertThat(found(t, "GET", "/posts/")).isEqualTo("GET /posts/{$}");
        assertThat(found(t, "GET", "/posts/7")).isEqualTo("GET /posts/{id}");
    }

    @Test
    void aPathWithoutMatchingMethodGets405WithSortedAllowList() {
        RouteTable<String> t = table("GET /things", "POST /things", "OPTIONS /things");
        assertThat(t.lookup("PUT", "/things")).isEqualTo(new Lookup.MethodNotAllowed<String>(
                "GET, HEAD, OPTIONS, POST"));
        assertThat(t.lookup("GET", "/nothing")).isInstanceOf(Lookup.NotFound.class);
    }

    @Test
    void aSubtreeWithoutItsSlashRedirects() {
        RouteTable<String> t = table("GET /docs/", "GET /files/{p...}", "GET /exact");
        assertThat(t.lookup("GET", "/docs")).isEqualTo(new Lookup.Redirect<String>("/docs/"));
        assertThat(t.lookup("GET", "/files")).isEqualTo(new Lookup.Redirect<String>("/files/"));
        assertThat(t.lookup("GET", "/exact/")).isInstanceOf(Lookup.NotFound.class);
    }

    @Test
    void equalOrCrossingPatternsConflict() {
        assertThatThrownBy(() -> table("GET /users/{id}", "GET /users/{name}"))
                .isInstanceOf(RouteConflicts.class)
                .hasMessage("route pattern conflicts detected:\n  - GET /users/{id} conflicts with GET /users/{name}");
        assertThatThrownBy(() -> table("GET /users/{id}/posts", "GET /{kind}/7/posts"))
                .isInstanceOf(RouteConflicts.class);
        table("GET /a/{x}", "POST /a/{x}", "GET /a/b", "/a/");
    }

    @Test
    void badPathsAreRefusedWithTheirReason() {
        assertThatThrownBy(() -> PathPattern.parse("users")).hasMessage("path must start with /");
        assertThatThrownBy(() -> PathPattern.parse("/file_{id}")).hasMessageContaining("whole segment");
        assertThatThrownBy(() -> PathPattern.parse("/{a...}/b")).hasMessageContaining("last segment");
        assertThatThrownBy(() -> PathPattern.parse("/{a}/{a}")).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> PathPattern.parse("/{1x}")).hasMessageContaining("bad wildcard name");
        assertThat(PathPattern.parse("/users/:id").toString()).isEqualTo("/users/:id");
    }

    @Test
    void cleaningResolvesDotsAndDoubleSlashesKeepingTheTrailingSlash() {
        assertThat(CleanPath.of("/a//b")).isEqualTo("/a/b");
        assertThat(CleanPath.of("/a/./b/")).isEqualTo("/a/b/");
        assertThat(CleanPath.of("/a/../../b")).isEqualTo("/b");
        assertThat(CleanPath.of("/a/b/..")).isEqualTo("/a/");
        assertThat(CleanPath.of("/a/b")).isEqualTo("/a/b");
    }
}
