// Writes a Swift file that holds a text file as a string constant (the EmbedLabels plugin's tool):
//   embed-text INPUT OUTPUT NAME
import Foundation

let args = CommandLine.arguments
guard args.count == 4 else {
    FileHandle.standardError.write(Data("usage: embed-text INPUT OUTPUT NAME\n".utf8))
    exit(2)
}
do {
    let text = try String(contentsOfFile: args[1], encoding: .utf8)
    // A raw string literal with enough "#" that the text cannot close it.
    var hashes = "#"
    while text.contains("\"" + hashes) { hashes += "#" }
    let swift = "// Made from \((args[1] as NSString).lastPathComponent) by embed-text at build time: edit that file, not this one.\n"
        + "let \(args[3]): String = \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)\n"
    try swift.write(toFile: args[2], atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("embed-text: \(args[1]): \(error)\n".utf8))
    exit(1)
}
