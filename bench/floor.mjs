// The smallest ES module CLI there is: prints one line. `npm run bench` times it next to
// `node -e 0` to show how much of `sso-setup --help`'s time is Node starting an ES module
// and opening stdout, which no change to sso-setup can remove.
process.stdout.write('Usage: floor\n');
