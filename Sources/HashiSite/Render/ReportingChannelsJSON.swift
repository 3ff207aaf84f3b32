import Foundation
import HashiContent
import HashiSupport

/// The reporting channels as JSON, for other sites to reuse: sorted keys, so every build writes the same bytes.
package enum ReportingChannelsJSON {
    package static let outputPath = GeneratedOutputs.channelsDataPath

    package static func encode(_ data: ReportingChannels) -> String {
        let channels = data.channels.map { channel -> [String: Any] in
            var object: [String: Any] = [
                "id": channel.id, "situations": channel.situations, "emergency": channel.isEmergency,
                "name": channel.name.values, "purpose": channel.purpose.values, "audience": channel.audience.values,
            ]
            object["phone"] = channel.phone
            object["shortCode"] = channel.shortCode
            object["howToCall"] = channel.howToCall?.values
            object["form"] = channel.form
            object["website"] = channel.website
            object["languages"] = channel.languages?.values
            object["anonymous"] = channel.anonymous
            object["hours"] = channel.hours?.values
            object["note"] = channel.note?.values
            object["source"] = channel.source
            object["checked"] = (channel.checked ?? data.checked)?.description
            return object
        }
        var root: [String: Any] = ["channels": channels]
        root["checked"] = data.checked?.description
        let json = (try? JSONSerialization.data(withJSONObject: root, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: json, as: UTF8.self) + "\n"
    }
}
