-- What named the product instead of a stronger model: a barcode the market's listings know.
ALTER TABLE item_analyses ADD COLUMN identified_by text;
