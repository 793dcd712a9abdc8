package dev.wippy.runtime.channel;

import dev.wippy.lua.vm.LuaUserdata;

/** A case for {@code channel.select}: a receive, or a send of a value fixed when the case was made. */
final class SelectCase extends LuaUserdata {
    final Channel channel;
    final boolean send;
    final Object value;

    SelectCase(Channel channel, boolean send, Object value) {
        super(ChannelModule.CASE_META);
        this.channel = channel;
        this.send = send;
        this.value = value;
    }
}
