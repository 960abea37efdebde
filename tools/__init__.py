"""The commands of editors, reviewers and CI (make serve, make facts, make review, make bench, the CI
log guard), run as ``python -m tools.<name>``; and ``tools.project``, the copies of the project tests make."""
