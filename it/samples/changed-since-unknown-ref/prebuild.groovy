// Integration test harness: makes the cloned project a git repository of its own (one commit, branch
// main), so the ref below is looked up there and not in the sqllint repository the clone sits in.
def git = { String... args ->
    def command = ['git', '-c', 'user.name=sqllint-it', '-c', 'user.email=it@example.com', '-c', 'commit.gpgsign=false']
    def process = new ProcessBuilder(command + args.toList()).directory(basedir).redirectErrorStream(true).start()
    def output = process.inputStream.text
    assert process.waitFor() == 0 : "git ${args.join(' ')}: ${output}"
}
git('init', '-q')
git('symbolic-ref', 'HEAD', 'refs/heads/main')
git('add', '-A')
git('commit', '-q', '-m', 'the only commit')
return true
