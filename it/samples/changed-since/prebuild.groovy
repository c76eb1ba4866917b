// Integration test harness: makes the cloned project a git repository whose last commit holds TrackSql,
// TrackDao and ReviewDao, then changes it the way a pull request in progress does: TrackDao edited and not
// yet committed, TopicDao new and untracked.
def git = { String... args ->
    def command = ['git', '-c', 'user.name=sqllint-it', '-c', 'user.email=it@example.com', '-c', 'commit.gpgsign=false']
    def process = new ProcessBuilder(command + args.toList()).directory(basedir).redirectErrorStream(true).start()
    def output = process.inputStream.text
    assert process.waitFor() == 0 : "git ${args.join(' ')}: ${output}"
}
def src = 'src/main/java/com/acme'
git('init', '-q')
git('add', 'pom.xml', "${src}/TrackSql.java", "${src}/TrackDao.java", "${src}/ReviewDao.java")
git('commit', '-q', '-m', 'three committed files, two of them with a finding')

def trackDao = new File(basedir, "${src}/TrackDao.java")
trackDao.text = trackDao.text.replace('    Object tracks(long userId) {',
        '    /** The tracks a user may open. */\n    Object tracks(long userId) {')
return true
