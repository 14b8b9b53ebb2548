/** The `saksbord` command-line tool (`npm run -s saksbord -- <command>`). */
console.error('usage: saksbord <command>');
process.exit(2);
