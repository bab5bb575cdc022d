"""The API's schemas, one for each direction: `…Create`/`…Update` come in, `…Public` go out."""
