"""Vietnamese text: diacritic folding, input validators and administrative addresses (pure)."""
