/** Search: Norwegian stemming and folding, terms, snippets and what of a case is searched. */
export * from './case-search-texts';
export * from './norwegian-stemmer';
export * from './saved-view';
export * from './search-filters';
export * from './search-highlight';
export * from './search-terms';
