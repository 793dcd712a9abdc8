package dev.wippy.runtime.process;

/** A {@code process.host}: runs any number of processes, at most {@code workers} of them at the same moment. */
public final class ProcessHost extends BaseHost {
    public ProcessHost(String id, int workers) {
        super(id, workers);
    }

    @Override
    public void admit(ProcessExecution process) {
        // every process is welcome; the slots bound how many run at once
    }
}
