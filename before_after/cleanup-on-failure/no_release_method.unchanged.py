# case: refuses the class defines no delete() and has no base that could
"""Shaped like docutils' math2html FormulaFactory: create() builds a parse node."""


class FormulaFactory:
    def create(self, kind):
        return kind().setfactory(self)

    def parseformula(self, formula):
        whole = self.create(WholeFormula)
        whole.detect(formula)
        whole.parsebit(formula)
        return whole
