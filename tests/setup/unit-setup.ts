// Gives renderer unit tests a real IndexedDB implementation (in memory) in Node.
import 'fake-indexeddb/auto';
