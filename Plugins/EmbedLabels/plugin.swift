import PackagePlugin

/// Builds data/labels.txt (the template's words) into the mapping module as a string constant,
/// so that `convert` reads no file at start-up and the data stays in one file of its own.
@main
struct EmbedLabels: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let input = context.package.directoryURL.appending(path: "data").appending(path: "labels.txt")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLabels.swift")
        return [
            .buildCommand(displayName: "Embedding data/labels.txt", executable: try context.tool(named: "embed-text").url,
                          arguments: [input.path, output.path, "embeddedLabels"], inputFiles: [input], outputFiles: [output]),
        ]
    }
}
