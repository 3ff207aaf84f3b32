// What `import HashiKit` gives the command line and other tools: the build and every stage's
// public types, as one module.
@_exported import HashiContent
@_exported import HashiServe
@_exported import HashiSite
@_exported import HashiSupport
