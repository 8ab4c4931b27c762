"""Stage 8, write: takes the files of a build; gives the output tree, swapped in whole (tree)."""
