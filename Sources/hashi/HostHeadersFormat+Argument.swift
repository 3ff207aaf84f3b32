import ArgumentParser
import HashiKit

extension HostHeadersFormat: ExpressibleByArgument {}
