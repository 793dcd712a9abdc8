package dev.wippy.data;

import dev.wippy.data.codec.Base64Module;
import dev.wippy.data.codec.HashModule;
import dev.wippy.data.codec.YamlModule;
import dev.wippy.data.crypto.CryptoModule;
import dev.wippy.data.fs.Filesystems;
import dev.wippy.data.fs.FsModule;
import dev.wippy.data.sql.Databases;
import dev.wippy.data.sql.SqlKinds;
import dev.wippy.data.sql.SqlModule;
import dev.wippy.data.store.StoreModule;
import dev.wippy.data.store.Stores;
import dev.wippy.runtime.ext.Boot;
import dev.wippy.runtime.ext.Extension;
import dev.wippy.runtime.ext.Subsystem;

import java.util.List;

/** Data as an extension: SQL databases, key-value stores, filesystems and the codec modules (spec 08). */
public final class DataExtension implements Extension {
    @Override
    public List<Kind> kinds() {
        return List.of(new Kind(SqlKinds.KIND_SQLITE, true), new Kind(SqlKinds.KIND_POSTGRES, true),
                new Kind(Stores.KIND_MEMORY, true), new Kind(Stores.KIND_SQL, true),
                new Kind(Filesystems.KIND_DIRECTORY, true), new Kind(Filesystems.KIND_EMBED, true));
    }

    @Override
    public int order() {
        return DATA;
    }

    @Override
    public Subsystem boot(Boot boot) {
        Databases databases = Databases.boot(boot.decoded(), boot.root(), boot.code());
        boot.module("sql", SqlModule.provider(databases));
        Stores stores = Stores.boot(boot.decoded(), databases);
        boot.module("store", StoreModule.provider(stores));
        boot.module("fs", FsModule.provider(Filesystems.boot(boot.decoded(), boot.root())));
        boot.module("yaml", YamlModule.PROVIDER);
        boot.module("base64", Base64Module.PROVIDER);
        boot.module("hash", HashModule.PROVIDER);
        boot.module("crypto", CryptoModule.PROVIDER);
        return new DataSubsystem(List.of(databases, stores));
    }
}
