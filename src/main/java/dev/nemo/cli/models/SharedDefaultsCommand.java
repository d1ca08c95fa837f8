package dev.nemo.cli.models;

/**
 * A command (or command group) on {@code agents.defaults}, the model selection every agent
 * shares: it takes no {@code --agent} ({@link ModelsCommand.AgentScope}).
 */
public interface SharedDefaultsCommand {
}
