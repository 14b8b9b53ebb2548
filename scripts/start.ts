/** `npm start`: runs what exists of Saksbord on its embedded default. */
console.log(
  'Saksbord: the server and app are not built yet; run `npm test` to check the core rules.',
);
