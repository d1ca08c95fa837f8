package dev.nemo.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code nemo --version}: the version Maven stamped into the jar manifest. */
public class NemoVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = NemoVersion.class.getPackage().getImplementationVersion();
        return new String[] {"nemo " + (version != null ? version : "0.1.0-SNAPSHOT"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
