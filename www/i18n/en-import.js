// The English words of the file import (import.js), in its chunk; added to the element's words
// when it loads (README "Languages").
export default {
  importTooBig: 'Import failed: {name} is {size}; assessment files are at most {max}. Your current answers are unchanged.',
  notUtf8Save: '$: not UTF-8 text: the file holds bytes that are not valid UTF-8; save it as UTF-8',
  'import.replace': 'Replace with the file',
  'import.ask': 'Replace your {answers}?',
  'import.holds': '{holds} holds {answers}. Importing it replaces your current answers and scope; you can undo the import right after.',
  imported: 'Imported {name}: {answers}. Scores were recomputed.',
  'import.notes': 'Notes: {notes}',
  'import.undo': 'Undo import',
  'import.undoFailed': 'The import could not be undone ({path}: {message}).',
  'import.undone': 'Import undone: your previous answers are back.',
};
