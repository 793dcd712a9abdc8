package dev.wippy.data.fs;

import dev.wippy.data.DataApp;
import dev.wippy.runtime.funcs.TestApp;
import dev.wippy.runtime.registry.BootException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code fs.directory} and the {@code fs} module (spec 08 §5): files, directories, confinement, masks. */
class FilesystemTest {
    @TempDir
    Path dir;

    private String run(String fsYaml, String body) throws Exception {
        TestApp app = new TestApp(dir).entry("files", "kind: fs.directory\n" + fsYaml);
        return DataApp.run(app, "local fs = require('fs')\nlocal vol = assert(fs.get('app:files'))\n" + body);
    }

    @Test
    void filesAreWrittenReadListedAndScanned() throws Exception {
        String out = run("directory: data\nauto_init: true", """
                assert(vol:writefile("/notes.txt", "a\\r\\nb c\\n\\nlast"))
                assert(vol:mkdir("sub"))
                assert(vol:chdir("sub"))
                assert(vol:writefile("inner.txt", "x"))
                assert(vol:writefile("inner.txt", "y", "a"))
                local _, exists = vol:writefile("inner.txt", "z", "wx")
                local out = {vol:pwd(), tostring(vol), vol:readfile("inner.txt"), exists:kind()}
                assert(vol:chdir("/"))
                local names = {}
                for e in vol:readdir("/") do names[#names + 1] = e.name .. ":" .. e.type end
                out[#out + 1] = table.concat(names, ",")
                local f = assert(vol:open("/notes.txt", "r"))
                local lines = {}
                local sc = assert(f:scanner("lines"))
                while sc:scan() do lines[#lines + 1] = "[" .. sc:text() .. "]" end
                out[#out + 1] = table.concat(lines)
                assert(f:seek("set", 3))
                out[#out + 1] = f:read(3)
                assert(f:seek("end", 0))
                local _, eof = f:read()
                out[#out + 1] = eof:kind() .. ":" .. eof:message()
                f:close()
                out[#out + 1] = tostring(f)
                local st = assert(vol:stat("/sub"))
                out[#out + 1] = st.type .. ":" .. tostring(st.is_dir) .. ":" .. math.type(st.size) .. ":"
                    .. tostring(st.mode >= 2^31)
                local _, notEmpty = vol:remove("/sub")
                out[#out + 1] = notEmpty:message()
                assert(vol:remove("/sub/inner.txt"))
                assert(vol:remove("/sub"))
                out[#out + 1] = tostring(vol:exists("/sub"))
                return table.concat(out, "|")
                """);
        assertThat(out).isEqualTo("/sub|fs.FS{cwd=sub}|xy|NotFound|notes.txt:file,sub:directory|[a][b c][][last]|"
                + "b c|NotFound:EOF|fs.File{closed}|directory:true:float:true|directory not empty: /sub|false");
        assertThat(dir.resolve("data/notes.txt")).hasContent("a\r\nb c\n\nlast");
    }

    @Test
    void noPathLeavesTheRootThroughDotDotOrSymbolicLinks() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.createSymbolicLink(root.resolve("link"), outside);
        Files.createSymbolicLink(root.resolve("file-link"), outside.resolve("secret.txt"));
        String out = run("directory: root", """
                local out = {}
                for _, p in ipairs({"../outside/secret.txt", "/../outside/secret.txt", "a/../../outside/secret.txt",
                        "link/secret.txt", "file-link", "link/new.txt"}) do
                    local data, err = vol:readfile(p)
                    local ok, werr = vol:writefile(p, "pwned")
                    out[#out + 1] = tostring(data) .. ":" .. err:kind() .. ":" .. err:message() .. ":" .. tostring(ok)
                end
                local _, nul = vol:readfile("a\\0b")
                out[#out + 1] = nul:kind()
                local ok, err = vol:chdir("..")
                out[#out + 1] = tostring(ok) .. ":" .. err:message()
                return table.concat(out, "|")
                """);
        assertThat(out).isEqualTo(("nil:Invalid:path traversal not allowed:false|").repeat(6) + "Invalid|"
                + "false:path traversal not allowed");
        assertThat(outside.resolve("secret.txt")).hasContent("secret");
        assertThat(outside.resolve("new.txt")).doesNotExist();
    }

    @Test
    void aReadOnlyMaskRefusesWrites() throws Exception {
        Files.createDirectories(dir.resolve("ro"));
        Files.writeString(dir.resolve("ro/a.txt"), "kept");
        String out = run("directory: ro\nmode: \"0500\"", """
                local ok, err = vol:writefile("/a.txt", "changed")
                local made, merr = vol:mkdir("/d")
                return tostring(ok) .. ":" .. err:kind() .. "|" .. tostring(made) .. "|" .. vol:readfile("/a.txt")
                """);
        assertThat(out).isEqualTo("false:NotFound|false|kept");
        assertThat(dir.resolve("ro/a.txt")).hasContent("kept");
    }

    @Test
    void aMissingDirectoryStopsTheBootNamingTheEntry() {
        assertThatThrownBy(() -> new TestApp(dir).entry("files", "kind: fs.directory\ndirectory: nowhere").boot())
                .isInstanceOf(BootException.class).hasMessageContaining("app:files")
                .hasMessageContaining("failed to open directory");
        assertThatThrownBy(() -> new TestApp(dir).entry("files", "kind: fs.directory\ndirectory: x\nmode: rw")
                .boot()).hasMessageContaining("mode must be octal");
    }
}
