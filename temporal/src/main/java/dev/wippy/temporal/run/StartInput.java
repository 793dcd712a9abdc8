package dev.wippy.temporal.run;

import dev.wippy.runtime.process.Message;
import dev.wippy.workflow.core.DurableCodec;
import dev.wippy.workflow.history.Encoded;
import dev.wippy.workflow.history.Outcomes;
import io.temporal.common.converter.EncodedValues;

import java.util.List;
import java.util.Map;

/**
 * What a workflow execution is started with, as Temporal payloads: the entry to run, its arguments, the context
 * (spec 05 §3.3 {@code with_context}) and the startup messages, each in the workflow core's durable encoding.
 */
public record StartInput(String entryId, byte[] args, byte[] context, byte[] messages) {
    public static StartInput of(String entryId, Object[] frozenArgs, Map<String, Object> context,
                                List<Message> messages) {
        return new StartInput(entryId, DurableCodec.encodeAll(frozenArgs), Encoded.map(context),
                Outcomes.encodeMessages(messages));
    }

    static StartInput of(EncodedValues v) {
        return new StartInput(v.get(0, String.class), v.get(1, byte[].class), v.get(2, byte[].class),
                v.get(3, byte[].class));
    }

    /** The workflow's arguments, in the order {@link #of(EncodedValues)} reads them. */
    public Object[] payloads() {
        return new Object[]{entryId, args, context, messages};
    }
}
