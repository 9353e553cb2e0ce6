import Foundation
import Testing

/// `sitegen build` and its cache from the command line: `--no-cache`, `--verbose` counts, `--jobs`.
@Suite struct BuildCacheCommandTests {
    @Test func theCacheIsKeptUnlessNoCacheIsGiven() throws {
        let site = try CLITestSupport.copyFixture("basic")
        let cache = site.appendingPathComponent(".sitegen-cache/build.cache")
        let plain = try CLITestSupport.sitegen(["build", "--source", site.path, "--no-cache"])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cache.path))
        #expect(try CLITestSupport.sitegen(["build", "--source", site.path]).status == 0)
        #expect(FileManager.default.fileExists(atPath: cache.path))
        let again = try CLITestSupport.sitegen(["build", "--source", site.path, "--verbose"])
        #expect(
            again.stdout.contains("rendered 0 page(s), templated 0 file(s) anew"), "\(again.stdout)"
        )
    }

    @Test func aSingleJobBuildsTheSameSite() throws {
        let site = try CLITestSupport.copyFixture("basic")
        let serial = site.appendingPathComponent("serial")
        let parallel = site.appendingPathComponent("parallel")
        for (output, jobs) in [(serial, "1"), (parallel, "2")] {
            let result = try CLITestSupport.sitegen([
                "build", "--source", site.path, "--output", output.path, "--jobs", jobs,
                "--no-cache",
            ])
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(CLITestSupport.snapshot(serial) == CLITestSupport.snapshot(parallel))
    }
}
