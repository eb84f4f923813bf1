"""parapp: offline appraisal of the PAR Index for provincial appraisal councils."""

__version__ = "0.1.0"
