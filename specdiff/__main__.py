from specdiff.cli import main

main()
