package dev.wippy.http;

import dev.wippy.runtime.registry.BootException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bad {@code http.*} entry stops the boot with its file, line and ID (spec 07 §1, issue item 3). */
class BootErrorsTest {
    @TempDir
    Path dir;

    private static final String OK = "local http = require('http')\nreturn { handler = function() end }";

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            addr: ""                        | gateway | address is required
            addr: "nowhere"                 | gateway | address nowhere has no port
            addr: "127.0.0.1:99999"         | gateway | address 127.0.0.1:99999: port must be from 0 to 65535
            addr: "127.0.0.1:x"             | gateway | address 127.0.0.1:x has a bad port 'x'
            timeouts: { read: "-1s" }       | gateway | timeouts.read must be non-negative
            timeouts: { write: 5 }          | gateway | timeouts.write must be a duration string
            tls: { mode: weird }            | gateway | invalid tls.mode: weird
            tls: { mode: manual, cert: x }  | gateway | tls.mode=manual: cert and key must both be set
            tls: { cert: x }                | gateway | tls.mode=off must not set cert/key or mTLS fields
            network: app:overlay            | gateway | field 'network': overlay networks are not supported
            """)
    void badServicesStopTheBoot(String extra, String entry, String problem) throws Exception {
        HttpApp app = new HttpApp(dir).raw("- name: gateway\n  kind: http.service\n  lifecycle: { auto_start: true }\n"
                + (extra.startsWith("addr") ? "" : "  addr: 127.0.0.1:0\n") + "  " + extra);
        assertThatThrownBy(app::start).isInstanceOf(BootException.class).hasMessageContaining("_index.yaml:")
                .hasMessageContaining("entry app:" + entry + ": " + problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            router  | meta: {}                              | server metadata is required
            router  | 'meta: { server: app:nope }'          | server not found
            router  | 'meta: { server: gateway }\\nmiddleware: [nope]' | failed to create middleware: middleware not found: nope
            router  | 'meta: { server: gateway }\\npost_middleware: [zip]' | failed to create post-match middleware: middleware not found: zip
            router  | 'meta: { server: gateway }\\nprefix: /api' | router prefix already exists
            ep      | 'meta: {}\\nmethod: GET\\npath: /x\\nfunc: h' | router metadata is required
            ep      | 'meta: { router: api }\\nmethod: get\\npath: /x\\nfunc: h' | invalid HTTP method: get
            ep      | 'meta: { router: api }\\nmethod: GET\\npath: x\\nfunc: h' | path must start with /
            ep      | 'meta: { router: api }\\nmethod: GET\\npath: /file_{id}\\nfunc: h' | a wildcard must be a whole segment
            ep      | 'meta: { router: api }\\nmethod: GET\\npath: /a' | func is required
            ep      | 'meta: { router: api }\\nmethod: GET\\npath: /dup\\nfunc: h' | route pattern conflicts detected:
            """)
    void badRoutersAndEndpointsStopTheBoot(String name, String body, String problem) throws Exception {
        String kind = name.equals("router") ? "http.router" : "http.endpoint";
        HttpApp app = HttpApp.standard(dir, "", "prefix: /api")
                .lua("h", "kind: function.lua\nmethod: handler\nmodules: [http]", OK)
                .raw("- name: first\n  kind: http.endpoint\n  meta: { router: api }\n  method: GET\n  path: /dup\n"
                        + "  func: h")
                .raw("- name: " + name + "\n  kind: " + kind + "\n  " + body.replace("\\n", "\n  "));
        assertThatThrownBy(app::start).isInstanceOf(BootException.class).hasMessageContaining("_index.yaml:")
                .hasMessageContaining("entry app:" + name + ": " + problem);
    }

    @Test
    void aPortInUseIsABootErrorNamingTheService() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            HttpApp app = new HttpApp(dir).raw("- name: gateway\n  kind: http.service\n  addr: 127.0.0.1:"
                    + taken.getLocalPort() + "\n  lifecycle: { auto_start: true }");
            assertThatThrownBy(app::start).isInstanceOf(BootException.class).hasMessageContaining("_index.yaml:")
                    .hasMessageContaining("entry app:gateway: cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }
}
