package dev.wippy.runtime.registry;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.ConstructorException;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.Optional;

/**
 * The standard constructor, except that a value it cannot build (an explicit {@code !!int} on a word, a broken
 * {@code !!binary}) fails with the place of its node: the library reports those without one, and a boot error must
 * name the line.
 */
final class MarkingConstructor extends StandardConstructor {
    MarkingConstructor(LoadSettings settings) {
        super(settings);
    }

    @Override
    protected Object constructObjectNoCheck(Node node) {
        try {
            return super.constructObjectNoCheck(node);
        } catch (MarkedYamlEngineException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConstructorException(null, Optional.empty(), "cannot make a " + node.getTag() + " of this: "
                    + rootMessage(e), node.getStartMark(), e);
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
